import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rowClickHandlers } from '../../../../renderer/features/cases/case-row';

afterEach(cleanup);

/** Two rows as the list renders them (index on the row, a pick checkbox), under one body that handles the clicks. */
function listWith(actions: Parameters<typeof rowClickHandlers>[0]) {
  const view = render(
    <div data-testid="body" {...rowClickHandlers(actions)}>
      {[0, 1].map((index) => (
        <div key={index} role="row" data-index={index}>
          <div role="gridcell">
            <span role="checkbox" className="pick" aria-checked={false} aria-label={`pick ${index}`} />
            <span>case {index}</span>
          </div>
        </div>
      ))}
    </div>,
  );
  return { text: (index: number) => view.getByText(`case ${index}`), box: (index: number) => view.getByLabelText(`pick ${index}`), view };
}

describe('list row clicks, handled once on the list body', () => {
  it('a click selects, Ctrl/⌘-click and the checkbox pick, a double click opens — always the row clicked', () => {
    const actions = { onSelect: vi.fn(), onOpen: vi.fn(), onTogglePick: vi.fn() };
    const list = listWith(actions);
    fireEvent.click(list.text(1));
    expect(actions.onSelect).toHaveBeenLastCalledWith(1);
    fireEvent.click(list.text(0), { ctrlKey: true });
    fireEvent.click(list.text(1), { metaKey: true });
    fireEvent.click(list.box(0));
    expect(actions.onTogglePick.mock.calls).toEqual([[0], [1], [0]]);
    expect(actions.onSelect).toHaveBeenCalledTimes(1);
    fireEvent.doubleClick(list.text(0));
    expect(actions.onOpen).toHaveBeenCalledWith(0);
    // A double click on the checkbox is two picks, not an open.
    fireEvent.doubleClick(list.box(1));
    expect(actions.onOpen).toHaveBeenCalledTimes(1);
  });

  it('without picking (no handler), Ctrl-click selects; clicks outside any row do nothing', () => {
    const actions = { onSelect: vi.fn(), onOpen: vi.fn(), onTogglePick: undefined };
    const list = listWith(actions);
    fireEvent.click(list.text(0), { ctrlKey: true });
    expect(actions.onSelect).toHaveBeenCalledWith(0);
    fireEvent.click(list.view.getByTestId('body'));
    expect(actions.onSelect).toHaveBeenCalledTimes(1);
  });
});
