// How far YAML aliases may expand when a config is turned into values. An alias bomb (a few lines of anchors that
// expand to billions of nodes) is refused, not expanded; honest configs use no aliases at all, and 100 leaves room
// for a few shared lists.
export const MAX_ALIAS_COUNT = 100;
