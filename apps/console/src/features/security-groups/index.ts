// The security-group feature's public surface: the list and the checklist (launch wizard, change groups).
export { useDefaultSecurityGroup, useSecurityGroups, useSecurityGroupsById } from './api/get-security-groups.ts';
export { SecurityGroupChecklist } from './components/security-group-checklist.tsx';
