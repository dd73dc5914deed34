/**
 * The one name-folding function of report2graph: two names that fold alike are the same name. Node keys,
 * resolution, `explain`, evaluation and the viewer's search all fold with it, so what matches in one
 * place matches in all. Folding: NFKC (full-width to half-width), simplified characters (OpenCC), lower
 * case, no white space, no quotation or title marks. Pinyin readings are removed earlier, when the text
 * is normalized. Only the traditional→simplified tables are loaded, so the viewer can bundle it.
 */
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const MARKS = /[\s《》〈〉“”„‟"「」『』‘’'〝〞]/gu;

export function foldName(name: string): string {
  return toSimplified(name.normalize('NFKC')).replace(MARKS, '').toLowerCase();
}
