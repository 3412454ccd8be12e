export * from './layout';
export { pdfText } from './pdf-text';
