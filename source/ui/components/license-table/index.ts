export {
	headerText,
	licenseSearchText,
	type RowCells,
	rowCells,
	STATUSES,
	type TableColumns,
	tableColumns,
	WHY_FROM,
	whyText,
} from './columns.js';
export {
	licenseDetail,
	licenseRows,
	licenseTableLines,
	type TableLine,
} from './view.js';
