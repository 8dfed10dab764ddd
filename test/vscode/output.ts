// The lines the extension-host tests print reach the runner mixed with the workbench's own log lines (code-server
// forwards both to the page console); this mark tells them apart. Shared by the host side and the runners.
export const OUTPUT_MARK = '\u2063grounded-test\u2063 ';
