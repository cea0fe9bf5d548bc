import type { EnrollClassroomResultDto, LearnerProgressDto } from '@sandcloud/api-schemas';
import { QUOTA_NAMES } from '@sandcloud/domain';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field, NumberField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel, PanelHeader, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { ApiRequestError } from '../../../lib/api-client.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useSession } from '../../auth/index.ts';
import { useProjects } from '../../../lib/projects.ts';
import { SandboxResetPanel } from '../../sandbox/index.ts';
import { formatDuration, useHintText } from '../../tutorial/index.ts';
import { useClassroomProgress, useClassrooms, useEnrollClassroom } from '../api/classrooms.ts';

/** The administrator's classroom: enrol learners from a CSV, hand out the passwords once, follow progress. */
export function ClassroomPage() {
  const { t } = useI18n();
  const session = useSession();
  const isAdmin = session.data?.user.isAdmin === true;
  const classrooms = useClassrooms(isAdmin);
  const [result, setResult] = useState<EnrollClassroomResultDto | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? result?.classroom.id ?? classrooms.data?.items.at(-1)?.id ?? null;

  if (!isAdmin) return <div className="p-6"><Alert tone="info">{t('classroom.adminOnly')}</Alert></div>;
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 p-6">
      <PageHeader title={t('classroom.title')} description={t('classroom.description')} />
      <EnrolForm onEnrolled={(enrolled) => (setResult(enrolled), setSelected(enrolled.classroom.id))} />
      {result && <Passwords result={result} />}
      <Panel>
        <PanelHeader title={t('tutorial.teacher.title')}>
          {(classrooms.data?.items.length ?? 0) > 0 && (
            <select aria-label={t('classroom.pick')} className="rounded border border-slate-300 px-2 py-1 text-sm" value={current ?? ''} onChange={(event) => setSelected(event.target.value)}>
              {classrooms.data!.items.map((classroom) => (
                <option key={classroom.id} value={classroom.id}>
                  {classroom.name} ({classroom.learners.length})
                </option>
              ))}
            </select>
          )}
        </PanelHeader>
        {current ? <TeacherView classroomId={current} /> : <p className="p-4 text-sm text-slate-500">{t('classroom.none')}</p>}
      </Panel>
      <SandboxResetPanel />
    </div>
  );
}

function EnrolForm({ onEnrolled }: { onEnrolled: (result: EnrollClassroomResultDto) => void }) {
  const { t } = useI18n();
  const enrol = useEnrollClassroom();
  const projects = useProjects();
  const [name, setName] = useState('');
  const [csv, setCsv] = useState('');
  const [templateProjectId, setTemplate] = useState('');
  const [quotas, setQuotas] = useState<Record<string, string>>({});
  const error = enrol.error instanceof ApiRequestError ? enrol.error : null;
  const fieldError = (field: string) => (error?.field === field || (field === 'csv' && error?.field === 'learners') ? error.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Empty keeps the default; anything else goes as a number, so the API names a bad one beside its field.
    const chosen = Object.fromEntries(Object.entries(quotas).filter(([, value]) => value.trim() !== '').map(([quota, value]) => [quota, Number(value)]));
    enrol.mutate(
      { name, csv, ...(templateProjectId ? { templateProjectId } : {}), ...(Object.keys(chosen).length > 0 ? { quotas: chosen } : {}) },
      { onSuccess: onEnrolled },
    );
  };
  const managed = projects.data?.items.filter((project) => project.role === 'admin' && project.computeActivated) ?? [];
  return (
    <Panel>
      <form className="space-y-3 p-4" onSubmit={submit} noValidate>
        <TextField label={t('classroom.name')} value={name} onChange={setName} error={fieldError('name')} />
        <TextAreaField label={t('classroom.csv')} hint={t('classroom.csvHint')} rows={6} value={csv} onChange={setCsv} error={fieldError('csv')} className="font-mono" />
        <label className="inline-flex items-center gap-2 text-sm text-brand-600">
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-label={t('classroom.file')}
            onChange={(event) => void event.target.files?.[0]?.text().then(setCsv)}
          />
        </label>
        <Field label={t('classroom.template')} error={fieldError('templateProjectId') ?? fieldError('state')}>
          {(id, describedBy) => (
            <select id={id} aria-describedby={describedBy} className="rounded border border-slate-300 px-2 py-1.5 text-sm" value={templateProjectId} onChange={(event) => setTemplate(event.target.value)}>
              <option value="">{t('classroom.templateNone')}</option>
              {managed.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('classroom.quotas')}</legend>
          <p className="text-xs text-slate-500">{t('classroom.quotasHint')}</p>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
            {QUOTA_NAMES.map((quota) => (
              <NumberField
                key={quota}
                label={t(`quotas.name.${quota}` as MessageKey)}
                min={0}
                value={quotas[quota] ?? ''}
                onChange={(value) => setQuotas((current) => ({ ...current, [quota]: value }))}
                error={fieldError(`quotas.${quota}`)}
              />
            ))}
          </div>
        </fieldset>
        {error && !['name', 'csv', 'learners', 'templateProjectId', 'state'].includes(error.field ?? '') && !error.field?.startsWith('quotas.') && <Alert tone="error">{error.message}</Alert>}
        <Button type="submit" variant="primary" disabled={enrol.isPending}>
          {enrol.isPending ? t('classroom.creating') : t('classroom.create')}
        </Button>
      </form>
    </Panel>
  );
}

function Passwords({ result }: { result: EnrollClassroomResultDto }) {
  const { t } = useI18n();
  return (
    <Panel>
      <PanelHeader title={t('classroom.passwords')} />
      <div className="p-4">
        <Alert tone="warning">{t('classroom.passwordsOnce')}</Alert>
        <Table label={t('classroom.passwords')}>
          <THead>
            <Th>{t('classroom.username')}</Th>
            <Th>{t('classroom.password')}</Th>
          </THead>
          <TBody>
            {result.passwords.map((row) => (
              <tr key={row.username}>
                <Td>{row.username}</Td>
                <Td className="font-mono">{row.password}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </Panel>
  );
}

function TeacherView({ classroomId }: { classroomId: string }) {
  const { t } = useI18n();
  const progress = useClassroomProgress(classroomId);
  if (progress.isError) return <p className="p-4 text-sm text-red-600">{progress.error.message}</p>;
  return (
    <Table label={t('tutorial.teacher.title')}>
      <THead>
        <Th>{t('tutorial.teacher.learner')}</Th>
        <Th>{t('tutorial.teacher.project')}</Th>
        <Th>{t('tutorial.teacher.step')}</Th>
        <Th>{t('tutorial.teacher.since')}</Th>
        <Th>{t('tutorial.teacher.stuck')}</Th>
      </THead>
      <TBody>
        {progress.data?.items.map((row) => <LearnerRow key={row.learner.userId} row={row} now={progress.dataUpdatedAt} />)}
      </TBody>
    </Table>
  );
}

/** `now`: when the rows were read (re-read every few seconds), for how long the current step has been open. */
function LearnerRow({ row, now }: { row: LearnerProgressDto; now: number }) {
  const { t, language } = useI18n();
  const hintText = useHintText();
  const tutorial = row.tutorials[0];
  const done = tutorial?.steps.filter((step) => step.done).length ?? 0;
  const currentStep = tutorial?.steps.find((step) => step.id === tutorial.currentStepId);
  return (
    <tr data-testid={`learner-${row.learner.username}`}>
      <Td>
        <div className="font-medium">{row.learner.name}</div>
        <div className="text-xs text-slate-500">{row.learner.username}</div>
      </Td>
      <Td>{row.learner.projectName}</Td>
      <Td data-testid="learner-step">
        {!tutorial ? t('classroom.notStarted') : tutorial.status === 'COMPLETED' ? t('classroom.completed') : `${(tutorial.steps.findIndex((step) => step.id === tutorial.currentStepId) + 1).toString()}. ${tutorial.currentStepTitle?.[language] ?? tutorial.currentStepId}`}
        {tutorial && <div className="text-xs text-slate-500">{t('tutorial.progress', { done, total: tutorial.steps.length })}</div>}
      </Td>
      <Td className="tabular-nums">{tutorial && tutorial.status !== 'COMPLETED' ? formatDuration(now - Date.parse(tutorial.openSince)) : ''}</Td>
      <Td data-testid="learner-hint" className="text-sm text-amber-900">{currentStep?.hint ? hintText(currentStep.hint) : ''}</Td>
    </tr>
  );
}
