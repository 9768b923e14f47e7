import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface ChunkInfo {
  name: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  packages: string[];
}

export const CDN_DIR = new URL('../../../dist/cdn/', import.meta.url);

/** The chunk graph the CDN build wrote (dist/cdn/manifest.json); run `npm run build` first. */
export function readCdnManifest(): Record<string, ChunkInfo> {
  return (JSON.parse(readFileSync(new URL('manifest.json', CDN_DIR), 'utf8')) as { chunks: Record<string, ChunkInfo> }).chunks;
}

/** Every chunk an entry can load, statically or with import(), the entry included. */
export function reachableChunks(chunks: Partial<Record<string, ChunkInfo>>, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const chunk = chunks[file];
    if (!chunk) throw new Error(`${file} is not in the CDN manifest`);
    [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
  };
  visit(entry);
  return [...seen];
}

export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(new URL(file, CDN_DIR)), { level: 9 }).length;
}

export const isSdkChunk = (chunk: ChunkInfo) => /^acs-.*-sdk$/.test(chunk.name);
