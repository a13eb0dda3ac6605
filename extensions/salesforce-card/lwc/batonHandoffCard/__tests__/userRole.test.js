// Who the user is to Baton's rules: custom permissions first, then the handoff's CSM, else AE.
import { actorFor, sameUser } from '../userRole';

const USER = '005000000000001AAA';
const none = { csManager: false, csOps: false };

describe('actorFor', () => {
  it('makes a CS manager or CS ops person of a user with the custom permission', () => {
    expect(actorFor(USER, { csManager: true, csOps: true }, [])).toEqual({
      id: USER,
      role: 'cs_manager',
    });
    expect(actorFor(USER, { csManager: false, csOps: true }, [USER])).toEqual({
      id: USER,
      role: 'cs_ops',
    });
  });

  it('makes the CSM of the user named as the receiver or the assigned CSM, in either id form', () => {
    expect(actorFor(USER, none, [null, USER]).role).toBe('csm');
    expect(actorFor(USER, none, [USER.slice(0, 15), undefined]).role).toBe('csm');
  });

  it('puts everyone else on the sending side', () => {
    expect(actorFor(USER, none, ['005000000000002AAA', null])).toEqual({ id: USER, role: 'ae' });
  });
});

describe('sameUser', () => {
  it('compares the case-sensitive 15-character part of Salesforce ids', () => {
    expect(sameUser('005000000000001AAA', '005000000000001')).toBe(true);
    expect(sameUser('005000000000001AAA', '005000000000002AAA')).toBe(false);
    expect(sameUser('005000000000001AAA', null)).toBe(false);
  });
});
