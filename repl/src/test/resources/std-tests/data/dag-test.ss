;;; :std/misc/dag (doc/reference/std/misc/dag.md)
(import :std/test :std/misc/dag)
(export dag-test)
(def (deps n) (case n ((app) '(lib util)) ((lib) '(util)) (else '())))
(def dag-test
  (test-suite ":std/misc/dag"
    (test-case "a build order and a cycle"
      (def order [])
      (walk-dag (lambda (visit) (visit 'app)) arrows: deps
                synthetic-attribute: (lambda (n as attrs) (set! order (cons n order)) n))
      (check (reverse order) => '(util lib app))
      (check-exception (walk-dag (lambda (visit) (visit 'a)) arrows: (lambda (n) '(a))) true))))
