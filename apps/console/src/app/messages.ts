import { featureMessages } from '../lib/i18n/define-messages.ts';

/**
 * Every feature's messages (`features/<feature>/messages/{ko,en}.ts`): the key prefixes each owns,
 * and how to load each language. A feature adds its line here. Only the selected language of a
 * feature is downloaded, when one of its screens is first shown (`lib/i18n/messages-store.ts`); the
 * shared words and the shell's are in `lib/i18n/catalog.ts`.
 */
export const featureNamespaces = [
  featureMessages(['activity'], {
    ko: () => import('../features/activity/messages/ko.ts'),
    en: () => import('../features/activity/messages/en.ts'),
  }),
  featureMessages(['account', 'login'], {
    ko: () => import('../features/auth/messages/ko.ts'),
    en: () => import('../features/auth/messages/en.ts'),
  }),
  featureMessages(['blockStorage'], {
    ko: () => import('../features/block-storage/messages/ko.ts'),
    en: () => import('../features/block-storage/messages/en.ts'),
  }),
  featureMessages(['classroom'], {
    ko: () => import('../features/classroom/messages/ko.ts'),
    en: () => import('../features/classroom/messages/en.ts'),
  }),
  featureMessages(['connectivity', 'floatingIps'], {
    ko: () => import('../features/floating-ips/messages/ko.ts'),
    en: () => import('../features/floating-ips/messages/en.ts'),
  }),
  featureMessages(['flowLogs'], {
    ko: () => import('../features/flow-logs/messages/ko.ts'),
    en: () => import('../features/flow-logs/messages/en.ts'),
  }),
  featureMessages(['images'], {
    ko: () => import('../features/images/messages/ko.ts'),
    en: () => import('../features/images/messages/en.ts'),
  }),
  featureMessages(['instanceConnect', 'instanceConsole'], {
    ko: () => import('../features/instance-console/messages/ko.ts'),
    en: () => import('../features/instance-console/messages/en.ts'),
  }),
  featureMessages(['instanceDetail', 'instanceWizard', 'instances'], {
    ko: () => import('../features/instances/messages/ko.ts'),
    en: () => import('../features/instances/messages/en.ts'),
  }),
  featureMessages(['keyPairs'], {
    ko: () => import('../features/key-pairs/messages/ko.ts'),
    en: () => import('../features/key-pairs/messages/en.ts'),
  }),
  featureMessages(['lb'], {
    ko: () => import('../features/load-balancers/messages/ko.ts'),
    en: () => import('../features/load-balancers/messages/en.ts'),
  }),
  featureMessages(['metrics'], {
    ko: () => import('../features/metrics/messages/ko.ts'),
    en: () => import('../features/metrics/messages/en.ts'),
  }),
  featureMessages(['topology'], {
    ko: () => import('../features/network-topology/messages/ko.ts'),
    en: () => import('../features/network-topology/messages/en.ts'),
  }),
  featureMessages(['interfaces', 'routingTables', 'subnets', 'vpc', 'vpcs'], {
    ko: () => import('../features/network/messages/ko.ts'),
    en: () => import('../features/network/messages/en.ts'),
  }),
  featureMessages(['members'], {
    ko: () => import('../features/project-members/messages/ko.ts'),
    en: () => import('../features/project-members/messages/en.ts'),
  }),
  featureMessages(['quotas'], {
    ko: () => import('../features/quotas/messages/ko.ts'),
    en: () => import('../features/quotas/messages/en.ts'),
  }),
  featureMessages(['sandbox'], {
    ko: () => import('../features/sandbox/messages/ko.ts'),
    en: () => import('../features/sandbox/messages/en.ts'),
  }),
  featureMessages(['securityGroups'], {
    ko: () => import('../features/security-groups/messages/ko.ts'),
    en: () => import('../features/security-groups/messages/en.ts'),
  }),
  featureMessages(['tutorial'], {
    ko: () => import('../features/tutorial/messages/ko.ts'),
    en: () => import('../features/tutorial/messages/en.ts'),
  }),
  featureMessages(['users'], {
    ko: () => import('../features/users/messages/ko.ts'),
    en: () => import('../features/users/messages/en.ts'),
  }),
] as const;

declare module '../lib/i18n/catalog.ts' {
  interface FeatureMessagesRegister {
    namespaces: typeof featureNamespaces;
  }
}
