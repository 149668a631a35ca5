'use client';

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main style={{ maxWidth: 640, margin: '4rem auto', fontFamily: 'sans-serif', padding: '0 1rem' }}>
          <h1>信用乐山暂时无法访问</h1>
          <p>服务器出现问题，请稍后重试。</p>
          <button type="button" onClick={() => reset()}>
            重试
          </button>
        </main>
      </body>
    </html>
  );
}
