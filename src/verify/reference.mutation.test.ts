/**
 * The naive decimal.js reference of the softmax lemma (`reference/softmax-reference.ts`, the fallback
 * of `reference.test.ts` when python3 with mpmath is missing) gives, on hand-picked probes, the
 * values of the independent mpmath reference `softmax_reference.py`: every digit of the 40
 * significant digits agrees (the expected strings below were printed by that script, at 60+ digits,
 * and are written here in decimal.js notation). The probes cover every claim, every hypothesis at
 * its edge (λ = 0, ε = 0 and 1, λ1 = λ2, a tie at the top, n = 1) and a bound met with equality.
 */
import { describe, expect, it } from 'vitest';
import { naiveSoftmaxReference, type ReferenceAnswer } from './reference/softmax-reference.ts';

const CASES: [{ claim: string; args: Record<string, unknown> }, ReferenceAnswer][] = [
  [{"claim":"softmax-hardmax/linf","args":{"z":["1","0"],"lambda":"1"}}, {"verdict":"holds","lhs":"0.2689414213699951207488407581781637256349","bound":"0.3678794411714423215955237701614608674458"}],
  [{"claim":"softmax-hardmax/linf","args":{"z":["0","2.5","1","-3"],"lambda":"0.75"}}, {"verdict":"holds","lhs":"0.3307325281660732262761513904078672564414","bound":"0.9739574020750491893912044124174159757005"}],
  [{"claim":"softmax-hardmax/l1","args":{"z":["0.5","2","-1"],"lambda":"3"}}, {"verdict":"holds","lhs":"0.02221528161455403087769805425160787854924","bound":"0.04443598615296922598457253714772211108616"}],
  [{"claim":"softmax-hardmax/attention","args":{"z":["1","0","0.5"],"lambda":"2","v":[["1","2"],["0","0"],["3","-1"]]}}, {"verdict":"holds","lhs":"0.9142465595051538734149230579912719873338","bound":"2.207276647028653929573142620968765204675"}],
  [{"claim":"softmax-hardmax/attention","args":{"z":["0","1"],"lambda":"1.5","v":[["-2","4","1"],["1","1","1"]]}}, {"verdict":"holds","lhs":"0.5472765714190690211783484640312552573613","bound":"0.6693904804452894867998414122920375640265"}],
  [{"claim":"softmax-hardmax/temperature","args":{"z":["1","0.2","0"],"epsilon":"0.01"}}, {"verdict":"holds","lhs":"0.006289762457481245641576229398191513998971","bound":"0.01"}],
  [{"claim":"softmax-hardmax/temperature","args":{"z":["0","-1","3"],"epsilon":"0.5"}}, {"verdict":"holds","lhs":"0.2895154446864713147538554924831135748129","bound":"0.5"}],
  [{"claim":"softmax-hardmax/monotone","args":{"z":["1","0","0.5"],"lambda1":"1","lambda2":"2"}}, {"verdict":"holds","lhs":"0.3347590442251781104709817198252545950672","bound":"0.4935196089443459740969578786862448163332"}],
  [{"claim":"softmax-hardmax/monotone","args":{"z":["0","2","2"],"lambda1":"0.5","lambda2":"0.5"}}, {"verdict":"holds","lhs":"0.5776812017484818033967092940118161864819","bound":"0.5776812017484818033967092940118161864819"}],
  [{"claim":"softmax-hardmax/margin-necessary","args":{"z":["1","1"],"lambda":"5","epsilon":"0.1"}}, {"verdict":"violated","lhs":"0.5","bound":"0.1"}],
  [{"claim":"softmax-hardmax/margin-necessary","args":{"z":["2","0"],"lambda":"3","epsilon":"0.5"}}, {"verdict":"holds","lhs":"0.002472623156634774334059907372255762451093","bound":"0.5"}],
  [{"claim":"softmax-hardmax/linf","args":{"z":["1"],"lambda":"1"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/linf","args":{"z":["1","0"],"lambda":"0"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/l1","args":{"z":["1","0"],"lambda":"-1"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/attention","args":{"z":["1","1","0"],"lambda":"1","v":[["1"],["2"],["3"]]}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/temperature","args":{"z":["1","0"],"epsilon":"0"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/temperature","args":{"z":["1","0"],"epsilon":"1"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/temperature","args":{"z":["0","1","1"],"epsilon":"0.5"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/monotone","args":{"z":["1","0"],"lambda1":"2","lambda2":"1"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/monotone","args":{"z":["1","0"],"lambda1":"0","lambda2":"1"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/margin-necessary","args":{"z":["1","0"],"lambda":"1","epsilon":"1"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/margin-necessary","args":{"z":["1","0"],"lambda":"0","epsilon":"0.5"}}, {"verdict":"inapplicable"}],
  [{"claim":"softmax-hardmax/margin-necessary","args":{"z":["1","0"],"lambda":"1","epsilon":"0"}}, {"verdict":"inapplicable"}],
];

describe('naiveSoftmaxReference agrees with mpmath to 40 digits', () => {
  it.each(CASES)('%j', (probe, expected) => {
    expect(naiveSoftmaxReference(probe)).toEqual(expected);
  });

  it('refuses a claim it does not know', () => {
    expect(() => naiveSoftmaxReference({ claim: 'softmax-hardmax/other', args: { z: ['1', '0'] } })).toThrow(new RangeError('softmax reference: unknown claim softmax-hardmax/other'));
  });
});
