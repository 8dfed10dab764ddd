// Function words: they carry no checkable detail, so alignment ignores them (negations are kept apart).
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then than so as of at by for with about against between into through during before after
  above below to from up down in out on off over under again further once here there when where why how all any both
  each few more most other some such only own same too very s t can will just should now i me my myself we our ours
  ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their
  theirs themselves what which who whom whose this that these those am is are was were be been being have has had
  having do does did doing would could might must shall may also that's it's there's upon while whether yet via per
  onto toward towards within since until ago among amongst ever even still already`
    .split(/\s+/)
    .filter(Boolean),
);
