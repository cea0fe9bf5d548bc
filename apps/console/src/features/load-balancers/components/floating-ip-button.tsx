import type { LoadBalancerDto } from '@sandcloud/api-schemas';
import { Button } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import type { useDisassociateFloatingIp } from '../../floating-ips/index.ts';

interface FloatingIpButtonProps {
  loadBalancer: LoadBalancerDto;
  /** Why the user may not change anything (viewer), if so. */
  readOnly: string | undefined;
  /** Opens the `[Floating IP 연결]` dialog. */
  onAssociate: () => void;
  /** The page's one disconnect request: while it runs, every disconnect button waits. */
  disassociate: ReturnType<typeof useDisassociateFloatingIp>;
  /** The list's rows use the small ghost style; the detail page a plain button. */
  variant?: 'secondary' | 'ghost';
  className?: string;
}

/**
 * `[Floating IP 연결]`, or once connected `[연결 해제]` (done at once, with a toast), as the load
 * balancers list and a load balancer's page both offer it.
 */
export function FloatingIpButton({ loadBalancer, readOnly, onAssociate, disassociate, variant, className }: FloatingIpButtonProps) {
  const t = useT();
  const toast = useToast();
  const { floatingIp } = loadBalancer;
  if (floatingIp) {
    return (
      <Button
        variant={variant}
        className={className}
        disabledReason={readOnly}
        disabled={disassociate.isPending}
        onClick={() =>
          disassociate.mutate(floatingIp.id, {
            onSuccess: () => toast.success(t('lb.fip.disassociated', { ip: floatingIp.address, name: loadBalancer.name })),
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      >
        {t('lb.fip.disconnect')}
      </Button>
    );
  }
  return (
    <Button variant={variant} className={className} disabledReason={readOnly ?? (loadBalancer.vipPortId ? undefined : t('lb.fip.noPort'))} onClick={onAssociate}>
      {t('lb.fip.title')}
    </Button>
  );
}
