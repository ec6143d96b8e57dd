;;; :std/misc/timeout -- timeouts (doc/reference/std/misc/timeout.md in the Gerbil repository):
;;; make-timeout turns seconds (or a time object, or #f) into what the thread primitives take.
;;;
;;; Safepoint's difference: Safepoint has no time objects yet, and its thread-sleep!, thread-join!,
;;; mutex-lock!, mutex-unlock! and the channels take a timeout as a number of seconds from now. So
;;; make-timeout checks its argument and gives the seconds themselves; in controlled mode they
;;; count on the run's virtual clock, so a timeout is as reproducible as the rest of the schedule.

(export make-timeout)

(def %absent (list 'absent))

(def (make-timeout t (default %absent))
  (cond ((and (real? t) (not (negative? t))) t)
        ((real? t) 0)
        ((not t) (if (eq? default %absent) (error "make-timeout: no timeout (#f) and no default given") default))
        (else (error "make-timeout: expected a real number of seconds or #f" t))))
