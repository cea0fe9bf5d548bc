// Glance's vocabulary for images, written once for the engine, the API schemas and the console.

/** Glance image statuses: a capture moves queued → saving → active. */
export const IMAGE_STATUSES = ['queued', 'saving', 'active', 'deleted', 'killed'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/** Statuses of an image being captured (the console polls while they last). */
export const IMAGE_TRANSITIONAL_STATUSES = ['queued', 'saving'] as const satisfies readonly ImageStatus[];

export const IMAGE_VISIBILITIES = ['public', 'private'] as const;
export type ImageVisibility = (typeof IMAGE_VISIBILITIES)[number];

export const OS_TYPES = ['linux', 'windows'] as const;
export type OsType = (typeof OS_TYPES)[number];

/** Actions on a private image (public images allow none). */
export const IMAGE_ACTIONS = ['delete'] as const;
export type ImageAction = (typeof IMAGE_ACTIONS)[number];

/** Glance image members: a project an image is shared with accepts or rejects it (pending until then). */
export const IMAGE_MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ImageMemberStatus = (typeof IMAGE_MEMBER_STATUSES)[number];
