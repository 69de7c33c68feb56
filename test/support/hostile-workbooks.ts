/**
 * Workbooks a careless (or hostile) file can be, for the tests and the bench: small on the
 * wire, huge once read naively.
 */
import { strToU8, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** An .xlsx whose first sheet is `sheetXml` (the inside of <sheetData>). */
export function workbookOf(sheetXml: string): Uint8Array {
  return zipSync(
    {
      'xl/workbook.xml': strToU8(`<workbook xmlns="${NS}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
    },
    { level: 9 },
  );
}

/**
 * The wide-row workbook of issue 18: `rows` rows (10,900), each with one cell at column ZZZ
 * (index 18,277). About 54 KB; a reader that pads every row out to its last column allocates
 * 200 million cells.
 */
export function wideRowWorkbook(rows = 10_900): Uint8Array {
  let xml = '';
  for (let r = 1; r <= rows; r++) xml += `<row r="${r}"><c r="ZZZ${r}"><v>${r % 7}</v></c></row>`;
  return workbookOf(xml);
}

/** The same as base64, as an import's `content`. */
export const base64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
