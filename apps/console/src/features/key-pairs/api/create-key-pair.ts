import { useMutation } from '@tanstack/react-query';
import type { CreateKeyPairRequest } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

export interface CreatedKeyPair {
  id: string | null;
  name: string;
  filename: string;
}

/** Hands a file to the browser's download manager, as a link with `download` would. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * `[Key Pair 생성]`: the server answers with the private key as a file, the only time it is ever
 * sent; the browser saves it as NAME.pem right away.
 */
export function useCreateKeyPair(projectId: string) {
  return useMutation({
    mutationFn: async (input: CreateKeyPairRequest): Promise<CreatedKeyPair> => {
      const { blob, filename, headers } = await api.postForFile(`/projects/${projectId}/key-pairs`, input);
      const saveAs = filename === 'download' ? `${input.name}.pem` : filename;
      saveFile(blob, saveAs);
      return { id: headers.get('X-Key-Pair-Id'), name: input.name, filename: saveAs };
    },
  });
}
