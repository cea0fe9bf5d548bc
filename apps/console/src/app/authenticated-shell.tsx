import { Suspense, useEffect, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { SkeletonRows } from '../components/ui/skeleton.tsx';
import { ChangePasswordDialog, useLogout, useSaveLanguage, useSession } from '../features/auth/index.ts';
import { useProjects } from '../lib/projects.ts';
import { TutorialHelpButton, TutorialPanel, useTutorialPanel } from '../features/tutorial/index.ts';
import { useI18n } from '../lib/i18n/i18n.tsx';
import { useLiveEvents } from '../lib/live-events.ts';
import { routes } from '../lib/routes.ts';

// Rarely opened: the dialog (and Radix's, the form fields) load when it is first opened.

/** The frame of every signed-in screen: header with project selector, language and user menu. */
export function AuthenticatedShell() {
  const { t, language, setLanguage } = useI18n();
  const session = useSession();
  const location = useLocation();
  const connected = useLiveEvents(Boolean(session.data));
  const saveLanguage = useSaveLanguage();
  const preferred = session.data?.user.language;

  // The language follows the user: adopt the saved preference when the session loads.
  useEffect(() => {
    if (preferred && preferred !== language) setLanguage(preferred);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the saved preference changes
  }, [preferred]);

  if (session.isPending) return <div className="p-6"><SkeletonRows /></div>;
  if (!session.data) return <Navigate to={routes.login()} state={{ from: location.pathname }} replace />;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center gap-4 bg-slate-900 px-4 text-sm text-slate-100">
        <Link to={routes.projects()} className="font-bold text-white">
          ☁ {t('app.name')}
        </Link>
        <ProjectSelector />
        <div className="ml-auto flex items-center gap-3">
          {!connected && <span className="text-xs text-amber-300">{t('live.disconnected')}</span>}
          <ProjectHelp />
          <LanguageSwitch onChange={(next) => saveLanguage.mutate(next)} />
          <UserMenu username={session.data.user.username} isAdmin={session.data.user.isAdmin} />
        </div>
      </header>
      <div className="flex flex-1">
        <Outlet />
        {/* The guide's panel waits for its messages on its own, not with the screen beside it. */}
        <Suspense fallback={null}>
          <ProjectTutorial />
        </Suspense>
      </div>
    </div>
  );
}

/** The guide's help button and panel, on every screen of a project (the panel beside the screen, while open). */
function ProjectHelp() {
  const { projectId } = useParams();
  return projectId ? <TutorialHelpButton /> : null;
}

function ProjectTutorial() {
  const { projectId } = useParams();
  const { open } = useTutorialPanel();
  return projectId && open ? <TutorialPanel projectId={projectId} /> : null;
}

function ProjectSelector() {
  const { t } = useI18n();
  const { projectId } = useParams();
  const projects = useProjects();
  const navigate = useNavigate();
  return (
    <select
      aria-label={t('header.selectProject')}
      className="rounded bg-slate-800 px-2 py-1 text-slate-100"
      value={projectId ?? ''}
      onChange={(event) => void navigate(event.target.value ? routes.project({ projectId: event.target.value }) : routes.projects())}
    >
      <option value="">{t('projects.title')}</option>
      {projects.data?.items.map((project) => (
        <option key={project.id} value={project.id}>
          {project.name}
        </option>
      ))}
    </select>
  );
}

const adminLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 hover:bg-slate-800 hover:text-white ${isActive ? 'bg-slate-800 text-white' : 'text-slate-300'}`;

/** The signed-in user, "사용자 관리" and the classroom for system administrators only, and sign-out. */
function UserMenu({ username, isAdmin }: { username: string; isAdmin: boolean }) {
  const { t } = useI18n();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <div className="flex items-center gap-2">
      {isAdmin && (
        <>
          <NavLink to={routes.users()} className={adminLinkClass}>
            {t('users.menu')}
          </NavLink>
          <NavLink to={routes.classroom()} className={adminLinkClass}>
            {t('classroom.menu')}
          </NavLink>
        </>
      )}
      <span aria-label={t('header.user')} className="text-slate-300">
        {username}
      </span>
      <button type="button" className="rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white" onClick={() => setChangingPassword(true)}>
        {t('account.changePassword')}
      </button>
      <button type="button" className="rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white" onClick={() => logout.mutate()}>
        {t('header.logout')}
      </button>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordDialog onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </div>
  );
}
