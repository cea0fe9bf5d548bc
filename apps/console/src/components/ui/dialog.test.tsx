// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n.tsx';
import { Dialog } from './dialog.tsx';
import { Menu } from './menu.tsx';

afterEach(cleanup);

function Page({ fromMenu = false }: { fromMenu?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <I18nProvider>
      {fromMenu ? <Menu label="Actions" items={[{ label: 'Rename', onSelect: () => setOpen(true) }]} /> : <button onClick={() => setOpen(true)}>Rename</button>}
      <button>Elsewhere</button>
      {open && (
        <Dialog title="Rename web" onClose={() => setOpen(false)} footer={<button onClick={() => setOpen(false)}>Save</button>}>
          <label>
            Name <input defaultValue="web" />
          </label>
        </Dialog>
      )}
    </I18nProvider>
  );
}

describe('Dialog', () => {
  it('moves focus to its first field, keeps Tab inside, closes on Escape and gives focus back to its opener', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Rename' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Rename web' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' })));
    for (let step = 0; step < 5; step++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('has a named close button', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await user.click(await screen.findByRole('button', { name: '닫기' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("opened from a menu item, gives focus back to the menu's button", async () => {
    const user = userEvent.setup();
    render(<Page fromMenu />);
    const trigger = screen.getByRole('button', { name: 'Actions' });
    trigger.focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Rename' }));
    await screen.findByRole('dialog', { name: 'Rename web' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });
});
