import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { BatchFileError } from '@/lib/batches/file-error';

/**
 * A spreadsheet's bytes as rows of text cells, CSV or XLSX. Row i of the result is row i + 1 of
 * the spreadsheet as the user sees it, blank rows included, so problems can name the right row.
 */

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readCells(bytes: Uint8Array): Promise<string[][]> {
  return isZip(bytes) ? readXlsx(bytes) : readCsv(decodeText(bytes));
}

/**
 * UTF-8 (a BOM is dropped by the decoder), else Windows-1252: Finnish Excel's plain "CSV" is
 * saved in it, and ä ö å would otherwise arrive as replacement characters.
 */
function decodeText(bytes: Uint8Array) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Excel in a Finnish locale separates with semicolons (the comma is the decimal mark). */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

function readCsv(text: string): string[][] {
  // A binary file that is not XLSX (an .xls, a PDF, UTF-16 text) is full of NULs; one NUL in a
  // cell is the row's problem (controlCharacters), not the file's.
  if ((text.match(/\u0000/g)?.length ?? 0) > text.length / 100) throw new BatchFileError('unreadable');
  const result = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const fatal = result.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new BatchFileError('unreadable');
  return result.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = await readSheet(buffer);
    return rows.map((row) => row.map(cellText));
  } catch {
    throw new BatchFileError('unreadable');
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
