'use client';

import { usePathname } from 'next/navigation';
import { PageLink } from '@/components/page-link';
import { currentOf, isGroup, MAIN_NAV } from './nav';

// Client component only for usePathname: it renders on the server too, so aria-current is
// in the HTML without JavaScript. Desktop: a bar whose groups open on hover and on keyboard
// focus (:focus-within). Phone: a <details> menu. Only one of the two is displayed, so
// assistive technology meets one navigation. The links are styled by the .desktop-nav and
// .phone-nav rules in globals.css: every page carries some forty of them.

export function DesktopNav() {
  const pathname = usePathname();
  return (
    <ul className="desktop-nav mx-auto flex max-w-6xl flex-wrap px-2">
      {MAIN_NAV.map((item) => {
        if (!isGroup(item)) {
          return (
            <li key={item.href}>
              <PageLink href={item.href} aria-current={currentOf(item.href, pathname)}>
                {item.label}
              </PageLink>
            </li>
          );
        }
        const inGroup = item.links.some((l) => currentOf(l.href, pathname));
        return (
          <li key={item.label} className="group relative">
            <PageLink
              href={item.links[0]!.href}
              aria-current={inGroup ? 'true' : undefined}
              className="after:ml-1 after:text-xs after:content-['▾']"
            >
              {item.label}
            </PageLink>
            <ul className="invisible absolute left-0 top-full z-40 min-w-44 rounded-b-md bg-white py-1 shadow-lg ring-1 ring-slate-200 group-focus-within:visible group-hover:visible">
              {item.links.map((l) => (
                <li key={l.href}>
                  <PageLink href={l.href} aria-current={currentOf(l.href, pathname)}>
                    {l.label}
                  </PageLink>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

export function PhoneNav() {
  const pathname = usePathname();
  return (
    <details className="phone-nav group mx-auto max-w-6xl">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-3 font-medium text-white [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="text-lg leading-none">
          ☰
        </span>
        栏目菜单
        <span aria-hidden="true" className="ml-auto text-xs group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul className="grid grid-cols-1 gap-x-2 border-t border-brand-700 px-2 pb-3 pt-1 sm:grid-cols-2">
        {MAIN_NAV.map((item) =>
          isGroup(item) ? (
            <li key={item.label} className="mt-1">
              <span className="block px-3 pt-2 pb-1 text-sm text-brand-100">{item.label}</span>
              <ul className="pl-3">
                {item.links.map((l) => (
                  <li key={l.href}>
                    <PageLink href={l.href} aria-current={currentOf(l.href, pathname)}>
                      {l.label}
                    </PageLink>
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={item.href}>
              <PageLink href={item.href} aria-current={currentOf(item.href, pathname)}>
                {item.label}
              </PageLink>
            </li>
          ),
        )}
      </ul>
    </details>
  );
}
