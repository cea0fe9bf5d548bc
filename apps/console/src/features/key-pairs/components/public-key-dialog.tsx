import type { KeyPairDto } from '@sandcloud/api-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { DescriptionList } from '../../../components/ui/description-list.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';

/** A key pair's public half and fingerprints, to compare with `ssh-keygen -lf`. */
export function PublicKeyDialog({ keyPair, onClose }: { keyPair: KeyPairDto; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('keyPairs.publicKeyTitle', { name: keyPair.name })} size="lg" onClose={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <div className="space-y-4">
        <DescriptionList
          items={[
            { label: t('keyPairs.algorithm'), value: keyPair.algorithm },
            { label: t('keyPairs.source'), value: t(keyPair.source === 'generated' ? 'keyPairs.source.generated' : 'keyPairs.source.imported') },
          ]}
        />
        <div className="space-y-1 text-sm">
          <div className="text-slate-500">{t('keyPairs.fingerprint')}</div>
          <div className="flex items-center font-mono text-xs">
            <span className="break-all">{keyPair.fingerprint}</span>
            <CopyButton value={keyPair.fingerprint} />
          </div>
          <div className="font-mono text-xs text-slate-500">{keyPair.md5Fingerprint}</div>
        </div>
        <div>
          <div className="mb-1 flex items-center text-sm text-slate-500">
            {t('keyPairs.publicKey')}
            <CopyButton value={keyPair.publicKey} />
          </div>
          <pre className="max-h-56 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs break-all whitespace-pre-wrap ring-1 ring-slate-200">{keyPair.publicKey}</pre>
        </div>
      </div>
    </Dialog>
  );
}
