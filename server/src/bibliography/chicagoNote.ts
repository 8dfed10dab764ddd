// Grounded's own CSL style for news articles after the Chicago Manual of Style's notes and bibliography system
// (full notes, 14.89 and 14.191 of the 17th edition): citation-js bundles only APA, Vancouver and Harvard, and the
// style repository's Chicago styles are not ours to ship. It covers what a source's metadata can hold — author, title,
// outlet, date, URL — and leaves out what is missing, punctuation included:
//   note:          Veronica Crespo, "Venezuelan officials, opposition leaders negotiate in Mexico," BBC, August 13, 2021, https://….
//   bibliography:  Crespo, Veronica. "Venezuelan officials, opposition leaders negotiate in Mexico." BBC, August 13, 2021. https://….
// Titles are kept as the source states them (no change of case). The outlet is set in italics (lost in plain text).

import type { FootnoteStyle } from './formats';

export const CHICAGO_NOTE_ID = 'chicago-note' satisfies FootnoteStyle;

export const CHICAGO_NOTE_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Grounded: Chicago notes and bibliography (news articles)</title>
    <id>https://github.com/grounded-writing/grounded/chicago-note</id>
    <updated>2026-12-06T00:00:00+00:00</updated>
  </info>
  <macro name="date">
    <choose>
      <if variable="issued">
        <date variable="issued">
          <date-part name="month" suffix=" "/>
          <date-part name="day" suffix=", "/>
          <date-part name="year"/>
        </date>
      </if>
    </choose>
  </macro>
  <macro name="publication">
    <group delimiter=", ">
      <text variable="container-title" font-style="italic"/>
      <text macro="date"/>
    </group>
  </macro>
  <citation>
    <layout suffix="." delimiter="; ">
      <group delimiter=", ">
        <names variable="author">
          <name and="text" delimiter=", "/>
        </names>
        <text variable="title" quotes="true"/>
        <text macro="publication"/>
        <text variable="URL"/>
      </group>
    </layout>
  </citation>
  <bibliography>
    <sort>
      <key variable="author"/>
      <key variable="title"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author">
          <name and="text" delimiter=", " name-as-sort-order="first" sort-separator=", " delimiter-precedes-last="always"/>
        </names>
        <text variable="title" quotes="true"/>
        <text macro="publication"/>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
