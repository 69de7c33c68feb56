/**
 * The ledger templates an office downloads and fills in: a line of column notes, the
 * Chinese header, one example row (marked 示例, skipped on import). CSV opens in Excel
 * (UTF-8 with BOM); the .xlsx is a minimal workbook written with fflate, every cell text
 * (so resident IDs keep their 18 digits).
 */
import { strToU8, zipSync } from 'fflate';
import { LEDGER_SHEET_NAMES } from '../domain/ledger-columns.ts';
import { templateRows } from '../domain/ledger-template.ts';
import type { LedgerFile } from '../domain/ledger-schemas.ts';
import { FileResult, toCsv } from './csv.ts';

const FILE_NAMES: Record<LedgerFile, string> = { rounds: '台账-轮次', loans: '台账-借款', repayments: '台账-还款', writeOffs: '台账-核销' };

export function ledgerTemplate(kind: LedgerFile, format: 'csv' | 'xlsx'): FileResult {
  const rows = templateRows(kind);
  const name = `${FILE_NAMES[kind]}-ledger-${kind}`;
  if (format === 'csv') {
    const [first, ...rest] = rows;
    const columns = first!.map((header, i) => ({ header, value: (row: string[]) => row[i] }));
    return new FileResult(`${name}.csv`, 'text/csv; charset=utf-8', toCsv(columns, rest));
  }
  return new FileResult(`${name}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(xlsxOf(LEDGER_SHEET_NAMES[kind], rows)).toString('base64'), 'base64');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(i: number): string {
  let n = i + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** One sheet of text cells, the header row bold and frozen, columns wide enough for Chinese. */
export function xlsxOf(sheetName: string, rows: string[][]): Uint8Array {
  const width = Math.max(...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="${i === 0 ? 10 : 20}" customWidth="1"/>`).join('');
  const sheetRows = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => `<c r="${columnName(c)}${r + 1}" t="inlineStr"${r === 1 ? ' s="1"' : r === 0 ? ' s="2"' : ''}><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><i/><sz val="9"/><color rgb="FF666666"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="49" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" applyFont="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="2" applyFont="1" applyNumberFormat="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}
