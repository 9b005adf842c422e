export {
	headerText,
	type RowCells,
	rowCells,
	STATUSES,
	type TableColumns,
	tableColumns,
} from './columns.js';
export {licenseTableLines, type TableLine} from './view.js';
