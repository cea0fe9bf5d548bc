import type { Engine } from '@sandcloud/engine';
import { Router } from 'express';
import { queryString } from './common.ts';
import { baseUrl, REGION } from './catalog.ts';

/**
 * `GET /api/clouds.yaml?projectId=…`: a `clouds.yaml` for the signed-in user and one of their
 * projects (the first one by default), without the password. Mounted where the console's session
 * is already resolved.
 */
export function cloudsYamlRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/clouds.yaml', (req, res) => {
    const user = req.session?.user;
    if (!user) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Log in to continue' } });
      return;
    }
    const projects = engine.projects.listFor(user);
    const wanted = queryString(req.query.projectId);
    const project = wanted === undefined ? projects[0] : projects.find((p) => p.id === wanted);
    if (!project) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: wanted ? `No project ${wanted}` : 'You have no project yet; create one first' } });
      return;
    }
    res.type('application/yaml').setHeader('Content-Disposition', 'attachment; filename="clouds.yaml"');
    res.send(cloudsYaml({ authUrl: `${baseUrl(req)}/identity/v3`, username: user.username, projectId: project.id, projectName: project.name }));
  });
  return router;
}

const quote = (text: string) => JSON.stringify(text);

export function cloudsYaml(input: { authUrl: string; username: string; projectId: string; projectName: string; password?: string }): string {
  return [
    '# Sandcloud as an OpenStack cloud: save as ~/.config/openstack/clouds.yaml (or ./clouds.yaml),',
    '# then run e.g. `OS_CLOUD=sandcloud openstack server list`. The password is asked for unless you',
    '# add `password:` under auth or export OS_PASSWORD.',
    'clouds:',
    '  sandcloud:',
    '    auth:',
    `      auth_url: ${quote(input.authUrl)}`,
    `      username: ${quote(input.username)}`,
    ...(input.password !== undefined ? [`      password: ${quote(input.password)}`] : []),
    `      project_id: ${quote(input.projectId)}`,
    `      project_name: ${quote(input.projectName)}`,
    '      user_domain_name: "Default"',
    '      project_domain_name: "Default"',
    `    region_name: ${quote(REGION)}`,
    '    interface: "public"',
    '    identity_api_version: 3',
    '',
  ].join('\n');
}
