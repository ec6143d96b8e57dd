;;; :std/misc/shuffle -- pseudo-random permutations (doc/reference/std/misc/shuffle.md in the
;;; Gerbil repository): shuffle, vector-shuffle and vector-shuffle!, the last by Sattolo's
;;; algorithm as the page says (so every element moves: the permutation is one cycle). The
;;; randomness is random-integer's, hence seeded in controlled mode.

(export shuffle vector-shuffle vector-shuffle!)

(def (vector-shuffle! vec)
  (let loop ((i (- (vector-length vec) 1)))
    (when (> i 0)
      (let* ((j (random-integer i)) (x (vector-ref vec i)))
        (vector-set! vec i (vector-ref vec j))
        (vector-set! vec j x))
      (loop (- i 1))))
  vec)

(def (vector-shuffle vec) (vector-shuffle! (vector-copy vec)))
(def (shuffle lst) (vector->list (vector-shuffle! (list->vector lst))))
