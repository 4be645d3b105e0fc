import { ownedMarkerName, quoteSheetName, roleOfMarker, sheetOfReference, splitReference } from '../../src/excel/ownership';

describe('ownership markers', () => {
  it('round-trips every role and rejects foreign names', () => {
    for (const role of ['summary', 'dependencies', 'risks', 'issues', 'history'] as const) {
      expect(roleOfMarker(ownedMarkerName(role))).toBe(role);
    }
    expect(roleOfMarker('PR_OWNED_other')).toBeNull();
    expect(roleOfMarker('Budget')).toBeNull();
  });

  it('finds the sheet a marker points at, including quoted names', () => {
    expect(sheetOfReference("='Program Summary'!$A$1")).toBe('Program Summary');
    expect(sheetOfReference("='Bob''s plan'!$A$1")).toBe("Bob's plan");
    expect(sheetOfReference('=Sheet1!$A$1')).toBe('Sheet1');
    expect(sheetOfReference('=#REF!')).toBeNull();
    expect(sheetOfReference('=0.5')).toBeNull();
  });

  it('quotes every sheet name and splits references', () => {
    expect(quoteSheetName('Sheet1')).toBe("'Sheet1'");
    expect(quoteSheetName('Program Summary')).toBe("'Program Summary'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(splitReference("'Program Summary (2)'!$B$2:$B$9")).toEqual({ sheet: 'Program Summary (2)', address: '$B$2:$B$9' });
    expect(splitReference('B2:B9')).toBeNull();
  });
});
