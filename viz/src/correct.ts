/**
 * The panel's corrections, when the server was started with a corrections file: merge with another
 * entity (picked by search), rename, retype, reject. Each is one entry the server writes to the
 * corrections file (never the graph file) and applies; the viewer then reopens on what it left.
 */
import type { CorrectionOutcome, NodeAttributes } from '../../src/graph/model.js';
import { el } from './panel.js';
import { fetchJson } from './remote.js';

export interface CorrectionAnswer {
  outcome: CorrectionOutcome;
  key: string | null;
}

export const postCorrection = (entry: Record<string, unknown>) =>
  fetchJson<CorrectionAnswer>('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(entry) });


/**
 * The tools for entity `key`. `suggest` wires a search box to its list and calls back with the picked
 * entity's key; `done` gets the server's answer (the view reopens on the entity the correction left).
 */
export function correctionTools(key: string, node: NodeAttributes, suggest: (input: HTMLInputElement, list: HTMLUListElement, pick: (key: string) => void) => void, done: (answer: CorrectionAnswer) => void): HTMLElement {
  const section = el('section', undefined, 'corrections');
  section.append(el('h3', 'Correct 更正'));
  const message = el('p', '', 'meta');
  message.setAttribute('role', 'alert');
  const send = async (entry: Record<string, unknown>) => {
    message.textContent = 'saving…';
    try {
      const answer = await postCorrection({ ...entry, by: 'viewer' });
      if (answer.outcome.status === 'not-applied') message.textContent = `not applied: ${answer.outcome.reason}`;
      else done(answer);
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  };
  const merge = el('input');
  merge.type = 'search';
  merge.id = 'merge-with';
  merge.placeholder = 'Merge with… (name)';
  merge.setAttribute('aria-label', 'merge with');
  const list = el('ul');
  list.id = 'merge-suggestions';
  list.hidden = true;
  suggest(merge, list, (other) => {
    if (other !== key) void send({ merge: [key, other] });
  });
  const rename = el('input');
  rename.id = 'rename-to';
  rename.value = node.name;
  rename.setAttribute('aria-label', 'new name');
  const renameButton = el('button', 'Rename');
  renameButton.type = 'button';
  renameButton.addEventListener('click', () => {
    if (rename.value.trim() && rename.value.trim() !== node.name) void send({ rename: key, to: rename.value.trim() });
  });
  const retype = el('select');
  retype.id = 'retype-to';
  retype.setAttribute('aria-label', 'type');
  for (const t of ['Agency', 'Regulation', 'Program']) {
    const o = el('option', t);
    o.value = t;
    o.selected = t === node.type;
    retype.append(o);
  }
  const retypeButton = el('button', 'Retype');
  retypeButton.type = 'button';
  retypeButton.addEventListener('click', () => {
    if (retype.value !== node.type) void send({ retype: key, to: retype.value });
  });
  // Two clicks, no dialog: the first asks, the second rejects.
  const reject = el('button', 'Reject', 'reject');
  reject.type = 'button';
  reject.addEventListener('click', () => {
    if (reject.dataset.armed) void send({ reject: key });
    else {
      reject.dataset.armed = 'yes';
      reject.textContent = 'Click again to reject';
    }
  });
  section.append(merge, list, el('div'), rename, renameButton, el('div'), retype, retypeButton, el('div'), reject, message);
  return section;
}
