import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../../playwright.config.ts';

export { E2E_ADMIN };

let counter = 0;
/** Names unique within a run, so tests never see each other's resources. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}`;

/** An API client logged in as a user, for arranging state the test is not about. */
export async function apiAs(baseURL: string, username = E2E_ADMIN.username, password = E2E_ADMIN.password) {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const response = await context.post('/api/auth/login', { data: { username, password } });
  expect(response.ok()).toBeTruthy();
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  return {
    context,
    get: async <T>(path: string) => (await (await context.get(`/api${path}`)).json()) as T,
    post: async <T>(path: string, data: object = {}) => {
      const res = await context.post(`/api${path}`, { data, headers });
      expect(res.ok(), `${path}: ${await res.text()}`).toBeTruthy();
      return (await res.json()) as T;
    },
    put: async <T>(path: string, data: object) => (await (await context.put(`/api${path}`, { data, headers })).json()) as T,
  };
}

export async function loginInBrowser(page: Page, username = E2E_ADMIN.username, password = E2E_ADMIN.password) {
  await page.goto('/login');
  await page.getByLabel(/사용자 이름|User name/).fill(username);
  await page.getByLabel(/비밀번호|Password/).fill(password);
  await page.getByRole('button', { name: /로그인|Sign in/ }).click();
  await expect(page.getByRole('heading', { name: 'Project List' })).toBeVisible();
}

/** A project with Compute & Network activated, made through the API. */
export async function activatedProject(baseURL: string, name = unique('proj')) {
  const api = await apiAs(baseURL);
  const project = await api.post<{ id: string }>('/projects', { name });
  await api.post(`/projects/${project.id}/compute/activate`);
  return { api, projectId: project.id, name };
}
