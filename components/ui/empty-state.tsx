export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="text-base font-medium text-slate-900">{title}</p>
      {hint && <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{hint}</p>}
    </div>
  );
}
