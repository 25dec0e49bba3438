export { xmlSafeCharacters } from './characters.ts';
