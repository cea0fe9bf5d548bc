import { SESSION_PERSISTENCE_TYPES } from '@sandcloud/domain';
import { useT } from '../../../lib/i18n/i18n.tsx';

/** The choices of session persistence, "none" first: the wizard and the listener settings offer the same list. */
export function PersistenceOptions() {
  const t = useT();
  return (
    <>
      <option value="">{t('lb.persistence.none')}</option>
      {SESSION_PERSISTENCE_TYPES.map((type) => (
        <option key={type} value={type}>
          {type}
        </option>
      ))}
    </>
  );
}
