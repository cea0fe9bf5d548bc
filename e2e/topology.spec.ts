import { expect, test } from '@playwright/test';
import { activeInstances, computeProject, signInAs } from './support/arrange.ts';

/** Guide step 3, and steps 4–5 as the topology shows them. */
test('the topology follows the instance: private only, then a path to the Public Network, then ICMP allowed', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { api, base, computeUrl } = await computeProject(baseURL!);
  const [instance] = await activeInstances(api, base, 'web');
  await signInAs(page, api);
  await page.goto(computeUrl('network/topology'));

  const canvas = page.getByTestId('topology-canvas');
  const node = canvas.getByRole('group', { name: new RegExp(`instance web ${instance!.privateIp!.replace(/\./g, '\\.')}`) }).or(
    canvas.locator(`[data-id="${instance!.id}"]`),
  );
  await expect(node.first()).toBeVisible();
  await expect(canvas.getByText('Default Network').first()).toBeVisible();
  // No floating IP yet: nothing links the instance to the Internet side.
  await expect(page.getByTestId(`edge-public-${instance!.id}`)).toHaveCount(0);

  // Associating a floating IP draws the path without a reload.
  const floatingIp = await api.post<{ id: string; address: string }>(`${base}/floating-ips`);
  await api.post(`${base}/floating-ips/${floatingIp.id}/associate`, { portId: instance!.portId });
  await expect(page.getByTestId(`edge-public-${instance!.id}`)).toHaveCount(1);
  await expect(canvas.getByText(floatingIp.address).first()).toBeVisible();

  // Clicking the instance opens its panel.
  await node.first().click();
  const panel = page.getByTestId('topology-details');
  await expect(panel).toBeVisible();
  await expect(panel.getByText('web').first()).toBeVisible();

  // The reachability overlay: ICMP blocked, then open after the ALL ICMP rule.
  await page.getByRole('switch', { name: '인터넷에서 접근 가능 여부' }).check();
  const verdicts = page.getByTestId(`verdicts-${instance!.id}`);
  const icmp = verdicts.getByRole('button', { name: /^ICMP/ });
  await expect(icmp).toHaveAttribute('data-verdict', 'blocked');
  await expect(icmp).toContainText('ICMP');
  const groups = await api.get<{ items: { id: string; name: string }[] }>(`${base}/security-groups`);
  const defaultGroup = groups.items.find((group) => group.name === 'default')!;
  await api.post(`${base}/security-groups/${defaultGroup.id}/rules`, { direction: 'ingress', protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0' });
  await expect(icmp).toHaveAttribute('data-verdict', 'allowed');
  await expect(verdicts.getByRole('button', { name: /^SSH/ })).toHaveAttribute('data-verdict', 'blocked');
});
