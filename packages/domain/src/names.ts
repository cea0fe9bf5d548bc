// Name rules every adapter checks the same way: the API schemas validate requests with them and the
// console checks its forms before sending. One place, so the console can never accept a name the
// API refuses.

/** Names of most resources (instances, volumes, load balancers…): as OpenStack accepts them, kept readable. */
export const RESOURCE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Neutron/Nova/Cinder name and description columns. */
export const NAME_MAX_LENGTH = 255;
export const DESCRIPTION_MAX_LENGTH = 255;

/** Security group names may contain spaces. */
export const SECURITY_GROUP_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;
/** Key pair names: letters, digits, "-" and "_". */
export const KEY_PAIR_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
/** User names: 2–64 letters, digits, ".", "_" or "-", starting with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
/** Project names: letters and digits of any script, spaces, ".", "_" and "-", at most 63 characters. */
export const PROJECT_NAME_MAX_LENGTH = 63;
export const PROJECT_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,62}$/u;

/** Glance image names are free text; only control characters are refused. */
export const IMAGE_NAME_PATTERN = /^[^\p{Cc}]+$/u;
