/** The same case as a BPMN process: ten user tasks, three of them in parallel. */
const task = (id: string): string => `<userTask id="${id}" />`;
const flow = (id: string, from: string, to: string): string =>
  `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const serial = ['preReview', 'checkMaterials', 'acceptTolerance', 'supplement'];
const parallel = ['planning', 'fire', 'civilDefence'];
const after = ['decide', 'issue', 'rate'];

export const caseProcessXml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="kuaiban-bench" targetNamespace="http://bpmn.io/schema/bpmn">
  <process id="constructionPermit" isExecutable="true">
    <startEvent id="submitted" />
    ${[...serial, ...parallel, ...after].map(task).join('\n    ')}
    <parallelGateway id="fork" />
    <parallelGateway id="join" />
    <endEvent id="archived" />
    ${[
      flow('f0', 'submitted', 'preReview'),
      flow('f1', 'preReview', 'checkMaterials'),
      flow('f2', 'checkMaterials', 'acceptTolerance'),
      flow('f3', 'acceptTolerance', 'supplement'),
      flow('f4', 'supplement', 'fork'),
      ...parallel.flatMap((id) => [
        flow(`in-${id}`, 'fork', id),
        flow(`out-${id}`, id, 'join'),
      ]),
      flow('f5', 'join', 'decide'),
      flow('f6', 'decide', 'issue'),
      flow('f7', 'issue', 'rate'),
      flow('f8', 'rate', 'archived'),
    ].join('\n    ')}
  </process>
</definitions>`;
