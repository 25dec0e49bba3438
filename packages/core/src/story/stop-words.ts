/**
 * English and French stop words, folded (lower case, no accents) as `foldText` leaves them, plus
 * headline filler (`says`, `update`) that names no event. Matching skips them; near-duplicate
 * shingles keep them (word order and function words are part of a copy's identity).
 */
const english = `a about above after again against all also am an and any are aren as at be because been before
being below between both but by can cannot could did didn do does doesn doing don down during each few for from
further had has have having he her here hers herself him himself his how i if in into is isn it its itself just
let me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through to too
under until up upon very via vs was wasn we were what when where which while who whom why will with won would you
your yours yourself yourselves s t ll re ve d m o y amid among per than yet
says say said saying tells told report reports reported according new latest update updated updates week today
yesterday tomorrow year years day days may might must shall get gets got make makes made one two three first
could like just how why what's`;

const french = `a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs
lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
ton tu un une vos votre vous c d j l n s t y ete etee etees etes etant suis es est sommes etes sont serai sera
serons seront serait seraient etais etait etions etiez etaient fus fut furent sois soit soyons soyez soient ai as
avons avez ont aurai aura aurons auront aurait auraient avais avait avions aviez avaient eu eue eus eut eurent
ceci cela celui celle ceux celles ci la dont donc ni or car si sans sous entre vers chez apres avant depuis pendant
plus moins tres tout tous toute toutes autre autres aussi alors encore deja comme ainsi leurs selon contre lors
quand puis ici peu non oui dit selon fait faire nouveau nouvelle nouvelles nouveaux annonce mardi lundi mercredi
jeudi vendredi samedi dimanche hier aujourd hui demain`;

export const stopWords: ReadonlySet<string> = new Set(`${english} ${french}`.split(/\s+/).filter(Boolean));
