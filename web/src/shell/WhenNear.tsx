// Draws its children once its place on the page comes within half a screen below the
// viewport (or is above it), and `placeholder` until then: a part of a long page below
// the first screen (and the code it needs) loads when someone scrolls towards it, not
// with the page. The placeholder stands also while the children's lazy code loads, so it
// must be a loading state, never a figure.
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

export function WhenNear({ placeholder, children, testId }: { placeholder: ReactNode; children: ReactNode; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (near || !el) return;
    // The root reaches half a screen below the viewport and far above it, so a part
    // scrolled past in one jump (End, a link lower down) counts as near too: an observer
    // reports only changes of intersection, and a jump from below to above is none.
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '100000px 0px 50% 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return (
    <div ref={box} data-testid={testId}>
      {near ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder}
    </div>
  );
}
