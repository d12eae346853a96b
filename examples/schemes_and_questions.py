"""Argumentation schemes on reasons, and the critical questions a map leaves open.

Run from the project folder:  python examples/schemes_and_questions.py

A reason names its scheme and which premise fills which role; an edge may answer a
critical question. `critical_questions` lists, per recommendation, what is answered and
what is open, most telling first; with `assume=True` the open questions enter the
semantics as undecided attackers.
"""

import argmap
from argmap.analysis.questions import critical_questions
from argmap.schemes import builtin

catalogue = builtin()
print(f"{len(catalogue)} schemes, e.g.", ", ".join(s.id for s in list(catalogue)[:4]))
expert = catalogue.find("Argument From Expert Opinion")
assert expert is not None
print(f"{expert.id}: roles {', '.join(expert.roles)};", f"{len(expert.questions)} questions")

m = argmap.map_from_yaml("""
id: toy
title: Should Tokyo lift the export controls?
nodes:
  - {id: harm, kind: claim, text: The controls hurt both economies.}
  - {id: economist, kind: claim, text: An eminent trade economist says so.}
  - {id: paid, kind: claim, text: The economist was paid by an exporters' lobby.}
  - {id: peer-reviewed, kind: claim, text: Her finding was published after peer review.}
  - {id: lift, kind: recommendation, text: Tokyo should lift the controls., actors: [Japan]}
edges:
  - {support: economist -> harm, id: s-expert, scheme: expert-opinion,
     roles: {expert: economist, assertion: ~}}
  - {support: harm -> lift, scheme: negative-consequences}
  - {attack: paid -> s-expert, answers: trustworthiness}
  - {attack: peer-reviewed -> paid}
""")
for found in critical_questions(m, assume=True):
    print(
        f"\n{found.recommendation.id}: {found.status}; with its open questions assumed: "
        f"{found.assumed}"
    )
    for reason in found.reasons:
        for question, edges in reason.answered.items():
            print(f"  answered {question} of {reason.reason.key}: by {', '.join(edges)}")
    for q in found.open[:3]:
        mark = "!" if q.decisive else " "
        print(f"  {mark} open: {q.question.id} on {q.attacks}: {q.question.text}")

# the bundled essays: how many questions each essay leaves open
corpus = argmap.read_corpus("maps")
for essay in corpus.maps:
    questions = critical_questions(essay)
    opened = {(o.reason, o.question.id) for q in questions for o in q.open}
    print(f"{essay.id}: {len(opened)} open critical questions")
