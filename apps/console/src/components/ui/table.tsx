import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { useT } from '../../lib/i18n/i18n.tsx';
import { useFormat } from '../../lib/i18n/use-format.ts';

/** The frame and typography every resource list shares. */
export function Table({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full text-sm">
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-4 py-2 font-medium whitespace-nowrap ${className}`} {...props} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-4 py-2.5 align-middle ${className}`} {...props} />;
}

/** The white card a table, a form or a panel sits in. */
export function Panel({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-lg border border-slate-200 bg-white ${className}`}>{children}</div>;
}

/** The last header cell, over the rows' action buttons: named for screen readers only. */
export function ActionsTh({ label }: { label?: string }) {
  const t = useT();
  return (
    <Th className="text-right">
      <span className="sr-only">{label ?? t('common.actions')}</span>
    </Th>
  );
}

/** A timestamp (created at, happened at) in the selected language; `relative` reads "3분 전" (the moment in its title). */
export function DateTime({ value, relative = false }: { value: string; relative?: boolean }) {
  const format = useFormat();
  return (
    <time dateTime={value} title={relative ? format.dateTime(value) : undefined}>
      {relative ? format.relativeTime(value) : format.dateTime(value)}
    </time>
  );
}

/** A timestamp cell, for tables not yet on the data table. */
export function TimeTd({ value, className = '', relative = false }: { value: string; className?: string; relative?: boolean }) {
  return (
    <Td className={`whitespace-nowrap text-slate-500 ${className}`}>
      <DateTime value={value} relative={relative} />
    </Td>
  );
}

/** The title row at the top of a Panel, with its action (`[+ Rule 추가]`, `[Listener 추가]`) on the right. */
export function PanelHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </div>
  );
}
