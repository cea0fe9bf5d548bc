import type { FloatingIpDto } from '@sandcloud/api-schemas';
import { inputClass } from '../../../components/ui/field.tsx';

interface FloatingIpSelectProps {
  /** From the Field: its id and the message's id. */
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  disabled?: boolean;
  value: string;
  floatingIps: readonly Pick<FloatingIpDto, 'id' | 'address'>[];
  onChange: (floatingIpId: string) => void;
}

/** Free floating IPs by address: the `[IP 주소]` of connecting one to an instance or to a load balancer. */
export function FloatingIpSelect({ id, describedBy, invalid, disabled, value, floatingIps, onChange }: FloatingIpSelectProps) {
  return (
    <select
      id={id}
      className={`${inputClass} font-mono`}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      disabled={disabled}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {floatingIps.map((floatingIp) => (
        <option key={floatingIp.id} value={floatingIp.id}>
          {floatingIp.address}
        </option>
      ))}
    </select>
  );
}
