// The image screens for the router (app/compute-routes.tsx), each loaded as its own chunk.
export const imagePages = {
  list: () => import('./components/images-page.tsx').then((m) => m.ImagesPage),
  detail: () => import('./components/image-page.tsx').then((m) => m.ImagePage),
};
