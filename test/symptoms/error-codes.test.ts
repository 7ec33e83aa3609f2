import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractErrorCodes } from '../../scripts/symptoms/error-codes.ts';
import { input } from './helpers.ts';

const codes = (text: string, extra = {}) => extractErrorCodes(input(text, extra)).codes.map((c) => c.code);
const one = (text: string) => extractErrorCodes(input(text)).codes[0];

describe('extractErrorCodes: kinds', () => {
  test('HRESULT with and without 0x, and the signed decimal form', () => {
    assert.deepEqual(one('The call failed with 0x80004005.'), { kind: 'hresult', code: '0x80004005', display: '0x80004005' });
    assert.deepEqual(codes('Setup reports error 8007000E and quits.'), ['0x8007000e']);
    assert.deepEqual(codes("Run-time error '-2147467259 (80004005)': automation error"), ['0x80004005']);
  });
  test('NTSTATUS', () => {
    assert.deepEqual(one('The process ended with exception 0xC0000005.'), { kind: 'ntstatus', code: '0xc0000005', display: '0xC0000005' });
    assert.deepEqual(codes('Status C0000022 is returned.'), ['0xc0000022']);
  });
  test('STOP codes normalise to 8 digits', () => {
    assert.deepEqual(one('The computer stops with STOP 0xA on boot.'), { kind: 'stop', code: 'stop-0x0000000a', display: 'STOP 0x0000000A' });
    assert.deepEqual(codes('Stop: 0x0000001E'), ['stop-0x0000001e']);
    assert.deepEqual(codes('STOP: C0000218 {Registry File Failure}'), ['stop-0xc0000218']);
    assert.deepEqual(codes('You get a Stop 7F during setup.'), ['stop-0x0000007f']);
  });
  test('STOP parameters are not codes, except the NTSTATUS exception code', () => {
    assert.deepEqual(codes('STOP 0x0000001E (0xC0000005, 0x80123456, 0x00000000, 0x00000001)'), ['0xc0000005', 'stop-0x0000001e']);
  });
  test('win32 / NET numbers', () => {
    assert.deepEqual(one('System error 2140 has occurred.'), { kind: 'win32', code: 'error-2140', display: 'error 2140' });
    assert.deepEqual(codes('Type NET HELPMSG 2182 for help.'), ['error-2182']);
  });
  test('tool codes need their series and an error word or colon', () => {
    assert.deepEqual(codes('foo.c(7) : error C2065: undeclared identifier'), ['c2065']);
    assert.deepEqual(codes('LNK2001 unresolved external symbol'), ['lnk2001']);
    assert.deepEqual(codes('  L2029: unresolved externals'), ['l2029']);
    assert.deepEqual(codes('MASM reports warning A4001 here.'), ['a4001']);
    assert.deepEqual(codes('NMAKE : fatal error U1077: return code 2'), ['u1077']);
    assert.deepEqual(codes('The program aborts with run-time error R6002.'), ['r6002']);
    assert.deepEqual(codes('', { title: 'C1001 When Compiling Large Switch' }), ['c1001']);
  });
  test('run-time errors and LAN Manager messages', () => {
    assert.deepEqual(one("Run-time error '429': cannot create object"), { kind: 'runtime', code: 'runtime-429', display: "Run-time error '429'" });
    assert.deepEqual(codes('Runtime-error 40002 occurs'), ['runtime-40002']);
    assert.deepEqual(codes('NET3055 and SYS1943 are shown.'), ['net3055', 'sys1943']);
  });
});

describe('extractErrorCodes: traps', () => {
  test('masks, HKEY constants, C code, addresses', () => {
    assert.deepEqual(codes('if (flags & 0x80000000) return;'), []);
    assert.deepEqual(codes('#define HKEY_CURRENT_USER 0x80000001'), []);
    assert.deepEqual(codes('The driver is loaded at 0x80123456.'), []);
    assert.deepEqual(codes('The mask 0x80360000 selects the facility.'), []);
  });
  test('models and hex literals are not tool codes', () => {
    assert.deepEqual(codes('The Zoom F9624 modem and the value &H1000 and the R4000 CPU.'), []);
    assert.deepEqual(codes('Buy the C2065 cable kit.'), []);
  });
  test('"stop a service" and four-digit stop numbers are not STOP codes', () => {
    assert.deepEqual(codes('Stop a service, then stop 4102 replication.'), []);
  });
  test('error 0 and Event Error N are not win32 codes', () => {
    assert.deepEqual(codes('returned error 0 to the caller'), []);
    assert.deepEqual(codes('Event Error 2000 is logged'), []);
  });
  test('citation lines are skipped', () => {
    assert.deepEqual(codes('  Q123456 PRB: Error C2065 When Compiling'), []);
    // R3's `TITLE :` line and a title wrapped onto the next line quote the cited article too (issue #21).
    assert.deepEqual(codes('  ARTICLE-ID: Q123456\n  TITLE : Gizmo Causes a Stop 0x0000001E'), []);
    assert.deepEqual(codes('  Q123457 GIZ: Gizmo Service Fails Intermittently with an Application Error in\n  Gizmo.exe (0xC0000005 - AV)'), []);
  });
});

describe('extractErrorCodes: messages', () => {
  test('Err Msg: in the title and body; the indented line after "error message:"', () => {
    const text = 'You receive the following error message:\n\n  Cannot find the widget.\n\nErr Msg: Disk full';
    assert.deepEqual(extractErrorCodes(input(text, { title: 'Err Msg: "Cannot Read From Drive A"' })).messages,
      ['Cannot Read From Drive A', 'Cannot find the widget.', 'Disk full']);
  });
  test('event records after "messages:" and Err Msg in citations are not messages; dedup; 200 chars', () => {
    const text = 'The following error messages appear:\n\n  Event ID: 5\n  Source: X\n\n  Q123456 Err Msg: Someone Else\n\nErr Msg: Same\nErr Msg: same\nErr Msg: ' + 'x'.repeat(300);
    const { messages } = extractErrorCodes(input(text));
    assert.equal(messages.length, 2);
    assert.equal(messages[0], 'Same');
    assert.ok(messages[1]!.length <= 200);
  });
  test('codes are deduplicated and sorted by key', () => {
    const { codes: list } = extractErrorCodes(input('error 53 then error 53 then Error 0x80004005'));
    assert.deepEqual(list.map((c) => c.code), ['0x80004005', 'error-53']);
  });
});
