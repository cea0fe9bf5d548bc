import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import type { TopologyNodeData } from '../model/types.ts';

export interface ContextMenuState {
  x: number;
  y: number;
  data: TopologyNodeData;
}

/**
 * The right-click menu of a topology node: on a network, "여기에 인스턴스 생성 / Launch instance
 * here" for each of its subnets (the wizard opens with that subnet chosen); on an instance,
 * "플로팅 IP 연결 / Associate floating IP" (the dialog opens with its port chosen).
 */
export function TopologyContextMenu({ projectId, menu, onClose, onAssociate }: {
  projectId: string;
  menu: ContextMenuState;
  onClose: () => void;
  onAssociate: (port: { id: string; fixedIp: string; deviceName: string }) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [onClose]);

  const items: { label: string; run: () => void }[] = [];
  const { data } = menu;
  if (data.kind === 'network') {
    for (const subnet of data.network.subnets) {
      items.push({
        label: `${t('subnets.launchHere')}: ${subnet.name} (${subnet.cidr})`,
        run: () => navigate(routes.newInstance({ projectId }, { networkId: data.network.id, subnetId: subnet.id })),
      });
    }
  } else if (data.kind === 'instance') {
    const { instance } = data;
    if (instance.portId && instance.privateIp) {
      const port = { id: instance.portId, fixedIp: instance.privateIp, deviceName: instance.name };
      items.push({ label: t('topology.associateFloatingIp'), run: () => onAssociate(port) });
    }
  }
  if (items.length === 0) return null;
  return (
    <div ref={ref} role="menu" aria-label={t('topology.contextMenu')} className="fixed z-50 min-w-56 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg" style={{ left: menu.x, top: menu.y }}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className="block w-full px-3 py-1.5 text-left hover:bg-slate-50 focus:bg-slate-100 focus:outline-none"
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
