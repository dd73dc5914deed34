import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../data/reports/dongguan-2023.txt', import.meta.url));
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
