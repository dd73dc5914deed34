/** Precision, recall and F1 from counts: the one score shape every evaluation reports. */
export interface Score {
  kind: 'entity' | 'relation';
  type: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scoreOf(kind: Score['kind'], type: string, { tp, fp, fn }: { tp: number; fp: number; fn: number }): Score {
  const predicted = tp + fp;
  const gold = tp + fn;
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { kind, type, gold, predicted, correct: tp, precision, recall, f1 };
}

export function formatScores(scores: Score[]): string {
  const pct = (x: number) => x.toFixed(3);
  const rows = scores.map((s) => `${s.kind.padEnd(8)} ${s.type.padEnd(11)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(5)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`);
  return `kind     type         gold  pred  corr  P      R      F1\n${rows.join('\n')}\n`;
}
