import { expect, test, type Page } from '@playwright/test';
import { computeProject, signInAs } from './support/arrange.ts';
import { activatedProject, apiAs, E2E_ADMIN, loginInBrowser, unique } from './support/fixtures.ts';

// Issue 2: "Users can be added by an admin" and "add a member by user name" — through the console.

const PASSWORD = 'new-user-password';

const userRow = (page: Page, username: string) => page.getByRole('table', { name: '사용자' }).getByRole('row').filter({ hasText: username });
const memberRow = (page: Page, username: string) => page.getByRole('table', { name: '멤버' }).getByRole('row').filter({ hasText: username });
/** The member's role, as the Members table shows it. */
const roleOf = (page: Page, username: string) => memberRow(page, username).getByRole('cell').nth(1);

test('an admin adds a user and makes them a project member, then a viewer; the user sees only that project', async ({ page, browser, baseURL }) => {
  const { api, projectId, name: projectName } = await activatedProject(baseURL!);
  const otherProject = unique('not-theirs');
  await api.post('/projects', { name: otherProject });
  const username = unique('kim');

  // Users screen, from the header: only system administrators see the link.
  await loginInBrowser(page);
  await page.getByRole('link', { name: '사용자 관리' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: '사용자 관리' })).toBeVisible();
  await expect(userRow(page, E2E_ADMIN.username).first()).toContainText('시스템 관리자');

  await page.getByRole('button', { name: '+ 사용자 추가' }).click();
  const addUser = page.getByRole('dialog', { name: '사용자 추가' });
  await addUser.getByLabel('사용자 이름', { exact: true }).fill(username);
  await addUser.getByLabel('초기 비밀번호', { exact: true }).fill(PASSWORD);
  await addUser.getByLabel('비밀번호 확인', { exact: true }).fill(PASSWORD);
  await addUser.getByRole('button', { name: '추가', exact: true }).click();
  await expect(addUser).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `사용자 ${username}을(를) 추가했습니다` })).toBeVisible();
  await expect(userRow(page, username)).toContainText('일반 사용자');

  // The project's Members tab: add by user name as 멤버, then make them 조회자.
  await page.goto(`/projects/${projectId}`);
  await page.getByRole('navigation', { name: '프로젝트 메뉴' }).getByRole('link', { name: '멤버' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/members$`));
  await expect(roleOf(page, E2E_ADMIN.username)).toHaveText('관리자');

  await page.getByRole('button', { name: '+ 멤버 추가' }).click();
  const addMember = page.getByRole('dialog', { name: '멤버 추가' });
  await addMember.getByLabel('사용자 이름', { exact: true }).fill(username);
  await expect(addMember.getByRole('radio', { name: '멤버', exact: true })).toBeChecked();
  await addMember.getByRole('button', { name: '추가', exact: true }).click();
  await expect(addMember).toHaveCount(0);
  await expect(roleOf(page, username)).toHaveText('멤버');

  await page.getByRole('button', { name: `역할 변경 ${username}` }).click();
  const changeRole = page.getByRole('dialog', { name: `${username}의 역할 변경` });
  await changeRole.getByRole('radio', { name: '조회자', exact: true }).check();
  await changeRole.getByRole('button', { name: '저장' }).click();
  await expect(changeRole).toHaveCount(0);
  await expect(roleOf(page, username)).toHaveText('조회자');

  // The project keeps its admin: their row's actions say why they are unavailable.
  const lastAdmin = page.getByRole('button', { name: `제거 ${E2E_ADMIN.username}`, exact: true });
  await expect(lastAdmin).toBeDisabled();
  await expect(lastAdmin).toHaveAttribute('title', /관리자가 한 명 이상/);

  // The new user signs in, in another browser, and sees that project only, as 조회자.
  const userPage = await (await browser.newContext()).newPage();
  await loginInBrowser(userPage, username, PASSWORD);
  const projects = userPage.getByRole('table');
  await expect(projects.getByRole('link', { name: projectName })).toBeVisible();
  await expect(projects.getByRole('row')).toHaveCount(2);
  await expect(projects.getByRole('row').filter({ hasText: projectName })).toContainText('조회자');
  await expect(userPage.getByRole('link', { name: otherProject })).toHaveCount(0);
  await expect(userPage.getByRole('link', { name: '사용자 관리' })).toHaveCount(0);
  await userPage.context().close();
});

test('a viewer sees create and member buttons disabled with the reason; the Users screen and API refuse them', async ({ page, baseURL }) => {
  const { api, projectId, computeUrl } = await computeProject(baseURL!);
  const viewer = unique('viewer');
  await api.post('/users', { username: viewer, password: PASSWORD });
  await api.put(`/projects/${projectId}/members`, { username: viewer, role: 'viewer' });
  const viewerApi = await apiAs(baseURL!, viewer, PASSWORD);
  await signInAs(page, viewerApi);

  await page.goto(`/projects/${projectId}/members`);
  await expect(roleOf(page, viewer)).toHaveText('조회자');
  const reason = '프로젝트 관리자만 멤버를 관리할 수 있습니다';
  const add = page.getByRole('button', { name: '+ 멤버 추가' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAttribute('title', reason);
  for (const name of [`역할 변경 ${E2E_ADMIN.username}`, `제거 ${viewer}`]) {
    await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('title', reason);
  }

  await page.goto(computeUrl('instances'));
  const create = page.getByRole('button', { name: '+ Instance 생성' }).first();
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute('title', '조회 권한(viewer)으로는 변경할 수 없습니다');

  // No Users link for them; a deep link says why, and the API refuses.
  await expect(page.getByRole('link', { name: '사용자 관리' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByText('시스템 관리자만 사용자를 관리할 수 있습니다.')).toBeVisible();
  await expect(page.getByRole('button', { name: '+ 사용자 추가' })).toHaveCount(0);
  expect((await viewerApi.context.get('/api/users')).status()).toBe(403);
});

test('the add-user dialog shows problems beside their fields, including the server\'s error for a name that is taken', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!);
  const taken = unique('taken');
  await admin.post('/users', { username: taken, password: PASSWORD });
  // A second system administrator, so switching languages leaves the shared admin's preference alone.
  const root = unique('root');
  await admin.post('/users', { username: root, password: PASSWORD, isAdmin: true });
  await signInAs(page, await apiAs(baseURL!, root, PASSWORD));

  await page.goto('/admin/users');
  await page.getByRole('button', { name: '+ 사용자 추가' }).click();
  const dialog = page.getByRole('dialog', { name: '사용자 추가' });
  const username = dialog.getByLabel('사용자 이름', { exact: true });
  const password = dialog.getByLabel('초기 비밀번호', { exact: true });
  const confirm = dialog.getByLabel('비밀번호 확인', { exact: true });

  await username.fill('k');
  await password.fill('short');
  await confirm.fill('shorter');
  await dialog.getByRole('button', { name: '추가', exact: true }).click();
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription('2–64자의 영문, 숫자, ".", "_", "-"만 쓸 수 있으며 영문이나 숫자로 시작해야 합니다');
  await expect(password).toHaveAccessibleDescription('비밀번호는 8자 이상이어야 합니다');
  await expect(confirm).toHaveAccessibleDescription('비밀번호가 일치하지 않습니다');

  // Fixing a field clears its message; a taken name is the server's answer, beside the name.
  await username.fill(taken);
  await expect(username).toHaveAttribute('aria-invalid', 'false');
  await password.fill(PASSWORD);
  await confirm.fill(PASSWORD);
  await dialog.getByRole('button', { name: '추가', exact: true }).click();
  await expect(username).toHaveAccessibleDescription(`이름이 ${taken}인 사용자가 이미 있습니다.`);
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAttribute('aria-invalid', 'false');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '취소' }).click();
  await expect(userRow(page, taken)).toHaveCount(1);

  // The screen speaks English too.
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('button', { name: '+ Add user' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Access' })).toBeVisible();
});

test('a project admin removes a member after confirming; an unknown user name is answered beside the field', async ({ page, baseURL }) => {
  const { api, projectId } = await activatedProject(baseURL!);
  const member = unique('lee');
  await api.post('/users', { username: member, password: PASSWORD });
  await api.put(`/projects/${projectId}/members`, { username: member, role: 'member' });
  await signInAs(page, api);

  await page.goto(`/projects/${projectId}/members`);
  await page.getByRole('button', { name: '+ 멤버 추가' }).click();
  const add = page.getByRole('dialog', { name: '멤버 추가' });
  const username = add.getByLabel('사용자 이름', { exact: true });
  await add.getByRole('button', { name: '추가', exact: true }).click();
  await expect(username).toHaveAccessibleDescription('사용자 이름을 입력하세요');
  await username.fill(member);
  await add.getByRole('button', { name: '추가', exact: true }).click();
  await expect(username).toHaveAccessibleDescription(`${member}은(는) 이미 이 프로젝트의 멤버입니다. 목록의 [역할 변경]으로 바꾸세요`);
  const ghost = unique('ghost');
  await username.fill(ghost);
  await add.getByRole('button', { name: '추가', exact: true }).click();
  await expect(username).toHaveAccessibleDescription(`이름이 ${ghost}인 사용자가 없습니다.`);
  await add.getByRole('button', { name: '취소' }).click();

  await page.getByRole('button', { name: `제거 ${member}`, exact: true }).click();
  const confirm = page.getByRole('dialog', { name: '멤버 제거' });
  await expect(confirm).toContainText(member);
  await confirm.getByRole('button', { name: '제거', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(memberRow(page, member)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${member}을(를) 프로젝트에서 제거했습니다` })).toBeVisible();
  const left = await api.get<{ items: { username: string }[] }>(`/projects/${projectId}/members`);
  expect(left.items.map((m) => m.username)).toEqual([E2E_ADMIN.username]);
});

test('an admin disables a user, who is told so at sign-in, then resets their password and enables them again', async ({ page, browser, baseURL }) => {
  const admin = await apiAs(baseURL!);
  const name = unique('kim');
  await admin.post('/users', { username: name, password: PASSWORD });
  await loginInBrowser(page);
  await page.goto('/admin/users');
  const statusOf = () => userRow(page, name).getByRole('cell').nth(2);
  await expect(statusOf()).toHaveText('활성');

  await userRow(page, name).getByRole('button', { name: '비활성화' }).click();
  await page.getByRole('dialog', { name: '사용자 비활성화' }).getByRole('button', { name: '비활성화' }).click();
  await expect(statusOf()).toHaveText('비활성');
  // The admin cannot disable themselves: the button says why.
  await expect(userRow(page, E2E_ADMIN.username).getByRole('button', { name: '비활성화' })).toBeDisabled();

  const userPage = await (await browser.newContext()).newPage();
  await userPage.goto('/login');
  await userPage.getByLabel('사용자 이름').fill(name);
  await userPage.getByLabel('비밀번호').fill(PASSWORD);
  await userPage.getByRole('button', { name: '로그인' }).click();
  await expect(userPage.getByRole('alert')).toHaveText('비활성화된 계정입니다. 관리자에게 문의하세요.');

  await userRow(page, name).getByRole('button', { name: '비밀번호 재설정' }).click();
  const reset = page.getByRole('dialog', { name: `${name}의 비밀번호 재설정` });
  await reset.getByLabel('새 비밀번호', { exact: true }).fill('a-fresh-password');
  await reset.getByLabel('비밀번호 확인', { exact: true }).fill('a-fresh-password');
  await reset.getByRole('button', { name: '재설정', exact: true }).click();
  await expect(reset).toHaveCount(0);
  await userRow(page, name).getByRole('button', { name: '활성화', exact: true }).click();
  await expect(statusOf()).toHaveText('활성');
  await loginInBrowser(userPage, name, 'a-fresh-password');
});

test('the login screen says how long to wait after too many failed sign-ins', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!);
  const name = unique('guessed');
  await admin.post('/users', { username: name, password: PASSWORD });
  // Seven wrong guesses: past the fifth, each one waits out the previous wait (1 s, 2 s), so the
  // account now waits 4 s. A refused attempt (429) does not count.
  let failures = 0;
  const deadline = Date.now() + 20_000;
  while (failures < 7 && Date.now() < deadline) {
    const response = await page.request.post('/api/auth/login', { data: { username: name, password: 'a-wrong-guess' } });
    if (response.status() === 401) failures++;
    else expect(response.status()).toBe(429);
  }
  expect(failures).toBe(7);

  await page.goto('/login');
  await page.getByLabel('사용자 이름').fill(name);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^로그인 실패가 너무 많습니다\. [1-4]초 후에 다시 시도하세요\.$/);
  await expect(page.getByRole('button', { name: '로그인' })).toBeDisabled();
  // Once the wait is over the right password signs in.
  await expect(page.getByRole('button', { name: '로그인' })).toBeEnabled({ timeout: 6_000 });
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: 'Project List' })).toBeVisible();
});
