/** Placeholder rows while a list loads, so the screen never flashes blank. */
export function SkeletonRows({ rows = 3, columns = 5 }: { rows?: number; columns?: number }) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-4 px-4 py-3">
          {Array.from({ length: columns }, (_, column) => (
            <div key={column} className="h-4 flex-1 animate-pulse rounded bg-slate-200" />
          ))}
        </div>
      ))}
    </div>
  );
}
