// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './button.tsx';
import { Menu } from './menu.tsx';

afterEach(cleanup);

describe('Button with a disabled reason', () => {
  it('stays reachable by Tab, describes why it is disabled, and ignores a press', async () => {
    const pressed = vi.fn();
    render(
      <form onSubmit={pressed}>
        <Button onClick={pressed}>Before</Button>
        <Button type="submit" onClick={pressed} disabledReason="Select a volume first">
          Manage
        </Button>
      </form>,
    );
    const user = userEvent.setup();
    await user.tab();
    await user.tab();
    const manage = screen.getByRole('button', { name: 'Manage' });
    expect(document.activeElement).toBe(manage);
    expect(manage.getAttribute('aria-disabled')).toBe('true');
    expect(manage.hasAttribute('disabled')).toBe(false);
    expect(manage.getAttribute('title')).toBe('Select a volume first');
    const description = document.getElementById(manage.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Select a volume first');
    await user.keyboard('{Enter}');
    await user.click(manage);
    expect(pressed).not.toHaveBeenCalled();
  });

  it('without a reason, is a plain button (natively disabled when asked)', async () => {
    const pressed = vi.fn();
    render(
      <>
        <Button onClick={pressed}>Start</Button>
        <Button disabled>Stop</Button>
      </>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start' }));
    expect(pressed).toHaveBeenCalledTimes(1);
    const stop = screen.getByRole('button', { name: 'Stop' });
    expect(stop.hasAttribute('disabled')).toBe(true);
    expect(stop.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('Menu item with a disabled reason', () => {
  it('is reached by the arrow keys, describes why, and choosing it does nothing', async () => {
    const chosen = vi.fn();
    render(
      <Menu
        label="Actions"
        items={[
          { label: 'Start', onSelect: chosen, disabledReason: 'Not possible while ACTIVE' },
          { label: 'Stop', onSelect: chosen },
        ]}
      />,
    );
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{Enter}');
    const start = await screen.findByRole('menuitem', { name: 'Start' });
    await waitFor(() => expect(document.activeElement).toBe(start));
    expect(start.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(start.getAttribute('aria-describedby')!)?.textContent).toBe('Not possible while ACTIVE');
    await user.keyboard('{Enter}');
    expect(chosen).not.toHaveBeenCalled();
    expect(screen.getByRole('menuitem', { name: 'Start' })).toBe(start);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(chosen).toHaveBeenCalledTimes(1);
  });
});
