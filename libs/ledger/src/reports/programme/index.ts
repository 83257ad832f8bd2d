export * from './programme-report';
export * from './programme-report.model';
export * from './table';
export * from './render';
export { renderHtml, REPORT_STYLE } from './render-html';
export { renderXlsx, excelFormula } from './render-xlsx';
export { renderCsv, csvFileName } from './render-csv';
export { zipStore } from './zip';
export { programmeTables } from './programme-tables';
