;;; :std/misc/dag -- walking a directed acyclic graph (doc/reference/std/misc/dag.md in the
;;; Gerbil repository): walk-dag visits every node reachable from what WALK visits once (nodes
;;; are told apart by equal?), computes each node's synthetic attribute from its arrows' targets,
;;; and raises an error on a cycle.

(export walk-dag)

(def (walk-dag walk arrows: arrows arrow-target: (arrow-target identity)
               synthetic-attribute: (synthetic-attribute (lambda ignored #t))
               register-arrow: (register-arrow (lambda ignored (void))))
  ;; node -> its attribute once known, or %visiting while its arrows are being followed.
  (let ((seen (make-hash-table)) (visiting (list 'visiting)))
    (def (visit node)
      (let (known (hash-ref seen node #f))
        (cond ((eq? known visiting) (error "walk-dag: cycle through" node))
              ((hash-key? seen node) known)
              (else
               (hash-put! seen node visiting)
               (let* ((as (arrows node))
                      (attrs (map (lambda (a) (register-arrow node a) (visit (arrow-target a))) as))
                      (attr (synthetic-attribute node as attrs)))
                 (hash-put! seen node attr)
                 attr)))))
    (walk visit)))
